import { render } from 'preact';
import PrintPage from '../../components/PrintPage';
import { tabIdFromLocation } from '../../lib/extension/popup/open-page';
import popupCss from '../../components/popup.css?inline';
import printCss from '../../components/print.css?inline';
import timelineCss from '../../components/timeline.css?inline';
import '../../components/popup.css';
import '../../components/timeline.css';
import '../../components/print.css';

const rendered = () => performance.mark('backstory:print-rendered');
const complete = () => performance.mark('backstory:print-complete');
render(
  <PrintPage
    tabId={tabIdFromLocation(location.search)}
    css={[popupCss, timelineCss, printCss].join('\n')}
    onRendered={rendered}
    onComplete={complete}
  />,
  document.getElementById('app')!,
);

import { render } from 'preact';
import TimelinePage from '../../components/TimelinePage';
import { tabIdFromLocation } from '../../lib/extension/popup/open-page';
import { loadBundledSet } from '../../lib/extension/load-bundled-set';
import '../../components/popup.css';
import '../../components/timeline.css';
import '../../components/timeline-page.css';

const rendered = () => performance.mark('backstory:timeline-rendered');
render(<TimelinePage tabId={tabIdFromLocation(location.search)} set={loadBundledSet()} onRendered={rendered} />, document.getElementById('app')!);

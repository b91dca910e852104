import { render } from 'preact';
import TimelinePage from '../../components/TimelinePage';
import { tabIdFromLocation } from '../../lib/extension/popup/open-page';
import '../../components/popup.css';
import '../../components/timeline.css';
import '../../components/timeline-page.css';

const rendered = () => performance.mark('backstory:timeline-rendered');
render(<TimelinePage tabId={tabIdFromLocation(location.search)} onRendered={rendered} />, document.getElementById('app')!);

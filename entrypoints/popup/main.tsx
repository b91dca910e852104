import { render } from 'preact';
import Popup from '../../components/Popup';
import '../../components/popup.css';
import '../../components/timeline.css';

render(
  <Popup onReady={() => performance.mark('backstory:popup-ready')} onTimelineShown={() => performance.mark('backstory:popup-timeline')} />,
  document.getElementById('app')!,
);

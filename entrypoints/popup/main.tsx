import { render } from 'preact';
import Popup from '../../components/Popup';
import '../../components/popup.css';
import '../../components/timeline.css';

// Once the popup's modules are loaded (imports run first): the benchmark counts its own work from here.
performance.mark('backstory:popup-start');

render(
  <Popup onReady={() => performance.mark('backstory:popup-ready')} onTimelineShown={() => performance.mark('backstory:popup-timeline')} />,
  document.getElementById('app')!,
);

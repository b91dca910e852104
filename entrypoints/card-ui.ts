import { CardLayer } from '../lib/content/card-layer';
import { provideCardLayer } from '../lib/content/card-ui-slot';

// The card's UI, run just before content.js in the same content script entry (wxt.config.ts): see lib/content/card-ui-slot.ts.
export default defineUnlistedScript(() => provideCardLayer((doc, events) => new CardLayer(doc, events)));

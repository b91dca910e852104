/**
 * Provides the card layer as card-ui.js does in the extension
 * (entrypoints/card-ui.ts, lib/content/card-ui-slot.ts): imported by tests
 * that run BackstoryPage in a real browser page.
 */
import { CardLayer } from '../../lib/content/card-layer';
import { provideCardLayer } from '../../lib/content/card-ui-slot';

provideCardLayer((doc, events) => new CardLayer(doc, events));

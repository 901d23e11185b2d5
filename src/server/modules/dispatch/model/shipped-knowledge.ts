/**
 * What the project ships for the dispatch model (assets/data): the labelled messages, the
 * unlabelled real messages (votes and replies files) for self-training, and the category
 * taxonomy whose names serve as keyword priors.
 */
import { readShippedJsonl } from '../../../platform/data/shipped.js';
import type { LabelledMessage, MessageText, TaxonomyRow } from './train.js';

interface ShippedMessage {
  id: string;
  title: string;
  body: string;
  category?: string;
}

/** The 298 labelled messages (7 first-level categories). */
export function shippedLabelled(): LabelledMessage[] {
  return readShippedJsonl<ShippedMessage>('labelled-messages').map((m) => ({ title: m.title, body: m.body, label: m.category! }));
}

/** The 7,142 unlabelled messages of the replies and votes files. */
export function shippedUnlabelled(): MessageText[] {
  return [...readShippedJsonl<ShippedMessage>('messages-with-replies'), ...readShippedJsonl<ShippedMessage>('messages-with-votes')].map((m) => ({ title: m.title, body: m.body }));
}

/** The 517 rows of the three-level category taxonomy. */
export function shippedTaxonomy(): TaxonomyRow[] {
  return readShippedJsonl<TaxonomyRow>('taxonomy');
}

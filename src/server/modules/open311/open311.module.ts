/**
 * Open311 GeoReport v2: outside systems (apps, a city's hotline system, other platforms)
 * list the services, file requests with an API key and follow them, in JSON or XML.
 */
import { defineModule } from '../../platform/module.js';
import { open311Messages } from './open311.messages.js';
import { open311Routes } from './open311.routes.js';
import { seedOpen311Demo } from './open311.seed.js';

export const open311Module = defineModule({
  name: 'open311',
  routes: open311Routes,
  messages: open311Messages,
  seedDemo: seedOpen311Demo,
});

import { defineModule } from '../../platform/module.js';

export const orgModule = defineModule({ name: 'org' });

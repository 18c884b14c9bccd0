// Issue #7: the widgets in a Vue 3 app (properties set, events received). See framework-suite.mjs.
import { frameworkSuite } from './framework-suite.mjs';

frameworkSuite('Vue 3', 'vue-app.js');

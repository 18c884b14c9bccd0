// Issue #7: the widgets in a React 19 app (properties set, events received). See framework-suite.mjs.
import { frameworkSuite } from './framework-suite.mjs';

frameworkSuite('React 19', 'react-app.js');

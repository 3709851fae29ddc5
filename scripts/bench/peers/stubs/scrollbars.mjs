// @grafana/ui's .mjs imports this CommonJS package's default export; bundled with Node-style interop that yields
// the module object and React fails to mount it. Hand over the component itself.
import * as scrollbars from 'react-custom-scrollbars-2';

export default scrollbars.default?.default ?? scrollbars.default ?? scrollbars;

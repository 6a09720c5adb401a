// Cascade layers are compiled out: browsers before Chromium 99 and iOS Safari 15.4 ignore every rule
// inside @layer, and older in-app browsers would show the compound page unstyled. The plugin keeps the
// layers' order by specificity instead (maintained by the csstools project).
import cascadeLayers from '@csstools/postcss-cascade-layers';

export default { plugins: [cascadeLayers()] };

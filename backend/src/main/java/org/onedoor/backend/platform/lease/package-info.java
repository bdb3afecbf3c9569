/** Platform API used by the features: see {@link org.onedoor.backend.platform}. */
@org.springframework.modulith.NamedInterface("lease")
package org.onedoor.backend.platform.lease;

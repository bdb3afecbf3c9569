/** Platform API used by the features: see {@link org.onedoor.backend.platform}. */
@org.springframework.modulith.NamedInterface("events")
package org.onedoor.backend.platform.events;

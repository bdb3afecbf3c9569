/** Platform API used by the features: see {@link org.onedoor.backend.platform}. */
@org.springframework.modulith.NamedInterface("graphql")
package org.onedoor.backend.platform.graphql;

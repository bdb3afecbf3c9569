/**
 * Platform: what every feature shares and no feature owns — the GraphQL plumbing (pages, cursors, errors, limits),
 * the store (embedded server, backups, daily snapshots, one-query filters), leases, rate limits and table export.
 * It depends on no feature. Its API is its root package ({@code Roles}, {@code CityTime}, {@code Phones}) and the named
 * interfaces {@code graphql}, {@code export}, {@code lease}, {@code ratelimit}, {@code events} and {@code mongo};
 * everything else in it (store start-up, backups, the web filters) is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.onedoor.backend.platform;

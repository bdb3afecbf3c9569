package org.onedoor.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onedoor.schema.RoleNames;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

class PortalRolesTest {

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void the_portal_knows_exactly_the_roles_of_the_schema() throws IOException {
    TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
    for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/*.graphqls")) {
      registry.merge(new SchemaParser().parse(file.getContentAsString(StandardCharsets.UTF_8)));
    }
    List<String> schemaRoles = registry.getType("Role", EnumTypeDefinition.class).orElseThrow()
        .getEnumValueDefinitions().stream().map(EnumValueDefinition::getName).toList();

    assertThat(RoleNames.ALL).containsExactlyInAnyOrderElementsOf(schemaRoles);
    assertThat(RoleNames.ALL).containsAll(PortalRoles.STAFF);
  }

  @Test
  void a_role_from_the_id_token_is_seen_by_has_and_a_visitor_has_none() {
    SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("township", "n/a",
        PortalRoles.authority(RoleNames.TOWNSHIP_STAFF), "OIDC_USER"));

    assertThat(PortalRoles.has(RoleNames.TOWNSHIP_STAFF)).isTrue();
    assertThat(PortalRoles.has(RoleNames.CIVIL_AFFAIRS)).isFalse();
    assertThat(PortalRoles.current()).containsExactly(RoleNames.TOWNSHIP_STAFF);

    SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymous",
        AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
    assertThat(PortalRoles.signedIn()).isFalse();
    assertThat(PortalRoles.current()).isEmpty();
  }
}

package org.onedoor.backend.identity;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Password sign-in at the embedded issuer, against the accounts in MongoDB. */
class AccountUserDetailsService implements UserDetailsService {

  private final AccountRepository accounts;

  AccountUserDetailsService(AccountRepository accounts) {
    this.accounts = accounts;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    Account account = accounts.findById(username)
        .filter(a -> a.passwordHash() != null)
        .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    return User.withUsername(account.id())
        .password(account.passwordHash())
        .roles(account.roles().toArray(String[]::new))
        .disabled(!account.enabled())
        // An initial or reset password: the sign-in fails with CredentialsExpiredException and the user is sent to
        // choose a password of their own before any token can be issued (see PasswordChangePage).
        .credentialsExpired(account.mustChangePassword())
        .build();
  }
}

package io.passerelle.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class PasserelleUserDetailsService implements UserDetailsService {

    private final UserAccountRepository accounts;

    PasserelleUserDetailsService(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByEmailIgnoreCase(username.strip())
                .map(PasserelleUser::new)
                .orElseThrow(() -> new UsernameNotFoundException("unknown account"));
    }
}

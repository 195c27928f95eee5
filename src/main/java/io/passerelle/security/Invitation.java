package io.passerelle.security;

/** A new account and its temporary password. The password exists nowhere else in clear text. */
public record Invitation(UserAccount account, String temporaryPassword) {

    @Override
    public String toString() {
        return "Invitation[" + account.getEmail() + "]";
    }
}

-- Tenants (restaurants grouped by reseller) and the people who may see them.
CREATE TABLE reseller (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name       VARCHAR(120) NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    version    BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_reseller_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE restaurant (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id   INT          NOT NULL,
    name        VARCHAR(120) NOT NULL,
    time_zone   VARCHAR(64)  NOT NULL,
    locale      VARCHAR(16)  NOT NULL,
    reseller_id BIGINT       NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_restaurant_public_id UNIQUE (public_id),
    CONSTRAINT uk_restaurant_reseller_name UNIQUE (reseller_id, name),
    CONSTRAINT fk_restaurant_reseller FOREIGN KEY (reseller_id) REFERENCES reseller (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE user_account (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    email              VARCHAR(254) NOT NULL,
    display_name       VARCHAR(120) NOT NULL,
    password_hash      VARCHAR(255) NOT NULL,
    role               VARCHAR(32)  NOT NULL,
    reseller_id        BIGINT       NULL,
    preferred_locale   VARCHAR(16)  NULL,
    enabled            BOOLEAN      NOT NULL DEFAULT TRUE,
    last_restaurant_id BIGINT       NULL,
    created_at         DATETIME(6)  NOT NULL,
    version            BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_user_account_email UNIQUE (email),
    CONSTRAINT fk_user_account_reseller FOREIGN KEY (reseller_id) REFERENCES reseller (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Restaurants an OWNER may see and manage.
CREATE TABLE user_restaurant (
    user_id       BIGINT NOT NULL,
    restaurant_id BIGINT NOT NULL,
    PRIMARY KEY (user_id, restaurant_id),
    CONSTRAINT fk_user_restaurant_user FOREIGN KEY (user_id) REFERENCES user_account (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_restaurant_restaurant FOREIGN KEY (restaurant_id) REFERENCES restaurant (id) ON DELETE CASCADE
) ENGINE = InnoDB;

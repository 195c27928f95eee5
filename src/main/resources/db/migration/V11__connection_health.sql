-- Connection health, alerts and the onboarding checklist.
--
-- connection_health: one row per connection, kept up to date by the sync engine's delivery events.
-- failing_since is the first failure worth a retry since the last acknowledged delivery (null: no
-- failure episode); alerted_episode is the failing_since of the episode people were told of, so each
-- episode is announced once and its end once, by whichever node's alert job wins the conditional update.
CREATE TABLE connection_health (
    connection_id        BIGINT      NOT NULL PRIMARY KEY,
    restaurant_id        BIGINT      NOT NULL,
    last_success_at      DATETIME(6) NULL,
    last_failure_at      DATETIME(6) NULL,
    failing_since        DATETIME(6) NULL,
    alerted_episode      DATETIME(6) NULL,
    CONSTRAINT fk_connection_health_connection FOREIGN KEY (connection_id) REFERENCES partner_connection (id)
        ON DELETE CASCADE,
    INDEX ix_connection_health_failing (failing_since),
    INDEX ix_connection_health_alerted (alerted_episode)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Deliveries per connection and UTC hour: the 24-hour figures and the 7-day chart read at most 168 rows
-- per connection instead of the outbox or the log. Rows older than the chart are purged by the alert job.
CREATE TABLE connection_health_hour (
    connection_id BIGINT   NOT NULL,
    hour_start    DATETIME NOT NULL,
    deliveries    INT      NOT NULL DEFAULT 0,
    failures      INT      NOT NULL DEFAULT 0,
    delay_ms_sum  BIGINT   NOT NULL DEFAULT 0,
    PRIMARY KEY (connection_id, hour_start),
    CONSTRAINT fk_connection_health_hour_connection FOREIGN KEY (connection_id) REFERENCES partner_connection (id)
        ON DELETE CASCADE,
    INDEX ix_connection_health_hour_start (hour_start)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The in-app notification centre: one row per recipient; the text is a message key with arguments,
-- translated when shown, in the reader's language.
CREATE TABLE user_notification (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id       BIGINT       NOT NULL,
    restaurant_id BIGINT       NOT NULL,
    connection_id BIGINT       NULL,
    kind          VARCHAR(32)  NOT NULL,
    subject       VARCHAR(200) NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    read_at       DATETIME(6)  NULL,
    CONSTRAINT fk_user_notification_user FOREIGN KEY (user_id) REFERENCES user_account (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_notification_restaurant FOREIGN KEY (restaurant_id) REFERENCES restaurant (id),
    INDEX ix_user_notification_user (user_id, read_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Onboarding checklist steps a person confirms (e.g. the restaurant's time zone): only what cannot be
-- derived from the connection, its credential test, its deliveries or the log.
CREATE TABLE onboarding_confirmation (
    connection_id BIGINT       NOT NULL,
    step          VARCHAR(32)  NOT NULL,
    confirmed_by  VARCHAR(254) NOT NULL,
    confirmed_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (connection_id, step),
    CONSTRAINT fk_onboarding_confirmation_connection FOREIGN KEY (connection_id) REFERENCES partner_connection (id)
        ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

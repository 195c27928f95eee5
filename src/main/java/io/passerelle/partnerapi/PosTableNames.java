package io.passerelle.partnerapi;

import io.passerelle.reservation.DiningTable;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The table names a POS uses ({@code PUT /tables}), kept per connection for the table-name mapping. */
@Component
class PosTableNames {

    static final int MAX_TABLES = 1000;

    private final JdbcClient jdbc;

    PosTableNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    List<String> of(long connectionId) {
        return jdbc.sql("select name from pos_table_name where connection_id = :connection order by position")
                .param("connection", connectionId)
                .query(String.class)
                .list();
    }

    /** Replaces the list: names 1 to {@value DiningTable#NAME_MAX_LENGTH} characters, no duplicates. */
    @Transactional
    void replace(long connectionId, List<String> names) {
        jdbc.sql("delete from pos_table_name where connection_id = :connection")
                .param("connection", connectionId)
                .update();
        for (int i = 0; i < names.size(); i++) {
            jdbc.sql("insert into pos_table_name (connection_id, position, name) values (:connection, :position, :name)")
                    .param("connection", connectionId)
                    .param("position", i)
                    .param("name", names.get(i))
                    .update();
        }
    }
}

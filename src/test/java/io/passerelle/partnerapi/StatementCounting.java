package io.passerelle.partnerapi;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts what the application sends to the database on the calling thread, for tests that pin how many statements
 * and commits a piece of work costs (so that a round trip per row coming back fails a test). The test contexts'
 * {@link DataSource} is wrapped: every statement executed ({@code execute*}; a JDBC batch counts once, as it travels
 * together) and every commit on a connection used by a thread that {@link #on counts} is counted; other threads (the
 * relay, Quartz) are not. A test imports {@link Config}: a context of its own, so that no other test (nor the bench)
 * pays for the wrapping.
 */
final class StatementCounting {

    /** What one thread sent while counting: statements by their SQL, and commits. */
    public static final class Count {

        private final List<String> statements = new java.util.concurrent.CopyOnWriteArrayList<>();
        private int commits;

        public List<String> statements() {
            return List.copyOf(statements);
        }

        public int commits() {
            return commits;
        }

        @Override
        public String toString() {
            return commits + " commit(s), " + statements.size() + " statement(s):\n  "
                    + String.join("\n  ", statements);
        }
    }

    private static final ThreadLocal<Count> counting = new ThreadLocal<>();
    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch", "executeLargeBatch");

    /** Runs {@code work} on this thread and returns what it sent to the database. */
    static Count on(Runnable work) {
        var count = new Count();
        counting.set(count);
        try {
            work.run();
        } finally {
            counting.remove();
        }
        return count;
    }

    /** Wraps the context's data source. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Config {

        @Bean
        static BeanPostProcessor statementCountingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())
                            ? proxy(DataSource.class, dataSource, StatementCounting::dataSource) : bean;
                }
            };
        }
    }

    private static Object dataSource(Object target, Method method, Object[] args) throws Throwable {
        Object result = invoke(target, method, args);
        return result instanceof Connection connection ? proxy(Connection.class, connection, StatementCounting::connection)
                : result;
    }

    private static Object connection(Object target, Method method, Object[] args) throws Throwable {
        Count count = counting.get();
        if (count != null && method.getName().equals("commit")) {
            count.commits++;
        }
        Object result = invoke(target, method, args);
        if (result instanceof Statement statement && method.getName().startsWith("prepare")) {
            String sql = (String) args[0];
            return proxy(statementType(result), statement, (t, m, a) -> statement(t, m, a, sql));
        }
        if (result instanceof Statement statement) {
            return proxy(statementType(result), statement, (t, m, a) -> statement(t, m, a, null));
        }
        return result;
    }

    private static Object statement(Object target, Method method, Object[] args, String prepared) throws Throwable {
        Count count = counting.get();
        if (count != null && EXECUTIONS.contains(method.getName())) {
            String sql = prepared != null ? prepared : args != null && args.length > 0 ? String.valueOf(args[0]) : "?";
            count.statements.add((method.getName().contains("Batch") ? "[batch] " : "")
                    + sql.replaceAll("\\s+", " ").strip());
        }
        return invoke(target, method, args);
    }

    private static Class<?> statementType(Object statement) {
        return statement instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class
                : statement instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
    }

    private interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }

    private static <T> Object proxy(Class<T> type, Object target, Handler handler) {
        InvocationHandler invocation = (proxy, method, args) -> {
            if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> wanted
                    && wanted.isInstance(target)) {
                return target;
            }
            if (method.getName().equals("isWrapperFor") && args != null && args[0] instanceof Class<?> wanted
                    && wanted.isInstance(target)) {
                return true;
            }
            return handler.handle(target, method, args);
        };
        return Proxy.newProxyInstance(StatementCounting.class.getClassLoader(), new Class<?>[] {type}, invocation);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

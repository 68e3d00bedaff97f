package ru.otklik.support;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements a piece of work sends through the application's pool on the current thread (issue 20: how
 * many statements a page costs). The pool's connections come from a driver data source whose connections note each
 * statement they prepare; only a thread inside {@link #of} is counted, so the scheduled jobs and other threads add
 * nothing.
 */
public final class StatementCount {

    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

    private StatementCount() {}

    /** The statements prepared on this thread while the work ran, in order, with the work's result. */
    public static <T> Recorded<T> of(Supplier<T> work) {
        List<String> statements = new ArrayList<>();
        List<String> outer = RECORDING.get();
        RECORDING.set(statements);
        try {
            T result = work.get();
            return new Recorded<>(result, List.copyOf(statements));
        } finally {
            RECORDING.set(outer);
        }
    }

    /** What a piece of work returned and the statements it sent. */
    public record Recorded<T>(T result, List<String> statements) {

        public int count() {
            return statements.size();
        }
    }

    /** Gives the application's pool the counting connections before the pool starts. */
    static BeanPostProcessor countingPool() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool
                        && pool.getDataSource() == null
                        && pool.getJdbcUrl() != null) {
                    pool.setDataSource(counting(new DriverDataSource(
                            pool.getJdbcUrl(),
                            pool.getDriverClassName(),
                            pool.getDataSourceProperties(),
                            pool.getUsername(),
                            pool.getPassword())));
                }
                return bean;
            }
        };
    }

    private static DataSource counting(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(
                StatementCount.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return result instanceof Connection connection ? counting(connection) : result;
                });
    }

    private static Connection counting(Connection target) {
        return (Connection) Proxy.newProxyInstance(
                StatementCount.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    List<String> recording = RECORDING.get();
                    if (recording != null) {
                        switch (method.getName()) {
                            case "prepareStatement", "prepareCall" -> recording.add(String.valueOf(args[0]));
                            case "createStatement" -> recording.add("(statement)");
                            default -> {}
                        }
                    }
                    return invoke(target, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException ex) {
            throw ex.getCause();
        }
    }
}

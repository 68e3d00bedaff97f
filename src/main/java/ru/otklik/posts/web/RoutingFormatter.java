package ru.otklik.posts.web;

import java.text.ParseException;
import java.util.Locale;
import org.springframework.format.Formatter;
import ru.otklik.posts.Routing;

/**
 * A routing as the routing form sends it: {@code <departmentId>:<executorId>}.
 */
final class RoutingFormatter implements Formatter<Routing> {

    @Override
    public Routing parse(String text, Locale locale) throws ParseException {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new ParseException(text, 0);
        }
        try {
            return new Routing(
                    Long.parseLong(text.substring(0, colon).strip()),
                    Long.parseLong(text.substring(colon + 1).strip()));
        } catch (NumberFormatException ex) {
            throw new ParseException(text, colon);
        }
    }

    @Override
    public String print(Routing routing, Locale locale) {
        return routing.departmentId() + ":" + routing.executorId();
    }
}

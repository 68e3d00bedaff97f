package ru.otklik.web;

import java.beans.PropertyDescriptor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import ru.otklik.people.Role;

/**
 * Every endpoint the application maps, with the roles that may call it and the inputs it reads: the backbone of
 * the access matrix ({@link EndpointAccessIT}) and of the bad-input corpus ({@link BadInputIT}). A mapped
 * endpoint without an access rule here fails both.
 */
final class EndpointCatalogue {

    static final Set<Role> ALL = EnumSet.allOf(Role.class);
    // The groups are Role's own (the security configuration and the pages read the same sets).
    static final Set<Role> ORG = Role.ORG_STAFF;
    static final Set<Role> LEADERS = Role.LEADERS;
    static final Set<Role> APPROVERS = Role.APPROVERS;
    static final Set<Role> REPORT_READERS = Role.REPORT_READERS;
    static final Set<Role> LEGISLATION_READERS = Role.LEGISLATION_READERS;
    static final Set<Role> ANSWER_READERS = Role.ANSWER_READERS;
    /** ЦУР's system only: no person's role opens these. */
    static final Set<Role> NOBODY = EnumSet.noneOf(Role.class);

    /** The access rules, first match wins. */
    private static final List<Map.Entry<Pattern, Set<Role>>> RULES = List.of(
            rule("/login", ALL),
            rule("/admin/.*", EnumSet.of(Role.ADMIN)), // the audit log and backups included
            rule("/account/password", ALL),
            rule("/reports/.*", REPORT_READERS),
            rule("/inbox(/.*)?", ORG),
            rule("/department-posts(/.*)?", Role.DEPARTMENT_LEADS),
            rule("/import(/.*)?", ORG),
            rule("/assignments(/.*)?", EnumSet.of(Role.EXECUTOR)),
            rule("/approvals(/.*)?", APPROVERS),
            rule("/escalations(/.*)?", LEADERS),
            rule("/today(/.*)?", LEADERS),
            rule("/absences(/.*)?", Role.ABSENCE_KEEPERS),
            rule("/staff(/.*)?", EnumSet.of(Role.DEPT_HEAD)),
            rule("/org-authority(/.*)?", EnumSet.of(Role.ORG_HEAD)),
            rule("/legislation(/.*)?", LEGISLATION_READERS),
            rule("/answers(/.*)?", ANSWER_READERS),
            rule("/notifications(/.*)?", ALL),
            rule("/clocks/.*", ALL),
            rule("/live", ALL),
            rule("/posts(/new|/repeats)?", ORG),
            rule("/posts/templates(/.*)?", EnumSet.of(Role.DEPT_HEAD)),
            rule("/posts/.*", ALL),
            rule("/api/v1/messages(/.*)?", NOBODY),
            rule("/api/v1/calendar/.*", ALL),
            rule("/v3/api-docs.*", EnumSet.of(Role.ADMIN)),
            rule("/swagger-ui(\\.html|/.*)?", EnumSet.of(Role.ADMIN)),
            rule("/", ALL),
            rule("/help", ALL),
            rule("/calendar(/.*)?", ALL),
            // The monitoring system's metrics user only (HTTP basic): no person's role opens it
            rule("/actuator/prometheus", NOBODY));

    /** A demo login for each role. */
    static final Map<Role, String> LOGINS = new EnumMap<>(Map.of(
            Role.ORG_SPECIALIST,
            "specialist",
            Role.ORG_HEAD,
            "orghead",
            Role.EXECUTOR,
            "executor",
            Role.DEPT_HEAD,
            "head",
            Role.DEPUTY_MINISTER,
            "deputy2",
            Role.FIRST_DEPUTY_MINISTER,
            "firstdeputy",
            Role.MINISTER,
            "minister",
            Role.ADMIN,
            "admin"));

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/*]+)}");

    /** One input of an endpoint: a query or form parameter, a form field or a path variable, and its Java type. */
    record Input(String name, Class<?> type, boolean pathVariable) {}

    /** One method on one path pattern. */
    record Endpoint(RequestMethod method, String pattern, HandlerMethod handler) {

        /** The path with its variables filled by values that exist nowhere. */
        String path() {
            return concrete(pattern);
        }

        /** The path with one variable set to {@code value} (already encoded) and the others to values that exist nowhere. */
        String path(String variable, String value) {
            return concrete(pattern.replace("{" + variable + "}", value));
        }

        /** The roles the access rule names; empty when the rule is missing. */
        Optional<Set<Role>> allowed() {
            return RULES.stream()
                    .filter(r -> r.getKey().matcher(path()).matches())
                    .findFirst()
                    .map(Map.Entry::getValue);
        }

        boolean api() {
            return path().startsWith("/api/") || path().startsWith("/v3/") || path().startsWith("/actuator/");
        }

        /** What the handler reads from the request by name: path variables, request parameters, form fields. */
        List<Input> inputs() {
            Map<String, Input> inputs = new LinkedHashMap<>();
            Matcher variables = VARIABLE.matcher(pattern);
            while (variables.find()) {
                String name = variables.group(1).replaceFirst(":.*", "");
                inputs.put(name, new Input(name, String.class, true));
            }
            for (MethodParameter parameter : handler.getMethodParameters()) {
                parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (param != null) {
                    if (MultipartFile.class.isAssignableFrom(parameter.getParameterType())) {
                        continue;
                    }
                    String name = StringUtils.hasText(param.name()) ? param.name() : parameter.getParameterName();
                    inputs.putIfAbsent(
                            name,
                            new Input(
                                    name,
                                    elementType(parameter.getParameterType(), parameter.getGenericParameterType()),
                                    false));
                } else if (parameter.hasParameterAnnotation(ModelAttribute.class)) {
                    fields(parameter.getParameterType(), "", inputs);
                }
            }
            return List.copyOf(inputs.values());
        }
    }

    private EndpointCatalogue() {}

    /** Every endpoint but Spring Boot's error dispatch target. */
    static List<Endpoint> endpoints(RequestMappingHandlerMapping mappings) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods().isEmpty()
                    ? Set.of(RequestMethod.GET)
                    : info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (pattern.equals("/error")) {
                    continue; // Spring Boot's error dispatch target, not an endpoint of its own
                }
                for (RequestMethod method : methods) {
                    endpoints.add(new Endpoint(method, pattern, entry.getValue()));
                }
            }
        }
        return endpoints;
    }

    /** A pattern with its variables filled by values that exist nowhere. */
    static String concrete(String pattern) {
        return pattern.replaceAll("\\{date}", "2099-12-31")
                .replaceAll("\\{year}", "2099")
                .replaceAll("\\{[^}/]*\\*\\*?[^}]*}", "x")
                .replaceAll("\\{[^}]+}", "999999999")
                .replace("/**", "/x");
    }

    /** The fields of a form: a record's components, or a bean's writable properties (a list's first element's). */
    private static void fields(Class<?> form, String prefix, Map<String, Input> inputs) {
        if (form.isRecord()) {
            for (RecordComponent component : form.getRecordComponents()) {
                inputs.putIfAbsent(
                        prefix + component.getName(),
                        new Input(
                                prefix + component.getName(),
                                elementType(component.getType(), component.getGenericType()),
                                false));
            }
            return;
        }
        for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(form)) {
            if (property.getWriteMethod() == null) {
                continue;
            }
            Type generic = property.getWriteMethod().getGenericParameterTypes()[0];
            Class<?> type = elementType(property.getPropertyType(), generic);
            if (type.getPackageName().startsWith("ru.otklik") && !type.isEnum() && prefix.isEmpty()) {
                fields(type, property.getName() + (type == property.getPropertyType() ? "." : "[0]."), inputs);
            } else {
                inputs.putIfAbsent(prefix + property.getName(), new Input(prefix + property.getName(), type, false));
            }
        }
    }

    private static Class<?> elementType(Class<?> type, Type generic) {
        if (Collection.class.isAssignableFrom(type)
                && generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return type;
    }

    private static Map.Entry<Pattern, Set<Role>> rule(String regex, Set<Role> roles) {
        return Map.entry(Pattern.compile(regex), roles);
    }
}

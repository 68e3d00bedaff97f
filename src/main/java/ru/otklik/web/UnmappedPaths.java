package ru.otklik.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The last rule of the web chain. An address that no page answers lets a logged-in person through, so Spring MVC
 * says «Страница не найдена» (404) instead of «Доступ запрещён»; an address that some handler does answer but that
 * has no rule of its own above stays refused, as {@code denyAll()} did.
 */
final class UnmappedPaths implements AuthorizationManager<RequestAuthorizationContext> {

    private final ObjectProvider<HandlerMapping> mappings;
    private final AuthenticationTrustResolverImpl trust = new AuthenticationTrustResolverImpl();

    UnmappedPaths(ObjectProvider<HandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    public AuthorizationResult authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        return new AuthorizationDecision(trust.isAuthenticated(authentication.get()) && !mapped(context.getRequest()));
    }

    private boolean mapped(HttpServletRequest request) {
        HttpServletRequest probe = new Probe(request);
        ServletRequestPathUtils.parseAndCache(probe);
        List<HandlerMapping> all = mappings.orderedStream().toList();
        for (HandlerMapping mapping : all) {
            try {
                if (mapping.getHandler(probe) != null) {
                    return true;
                }
            } catch (Exception ex) {
                return true; // the path is known but not for this method or content type: refuse as before
            }
        }
        return false;
    }

    /** The request with attributes of its own, so that looking up a handler leaves the real request untouched. */
    private static final class Probe extends HttpServletRequestWrapper {

        private final Map<String, Object> attributes = new HashMap<>();

        Probe(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.containsKey(name) ? attributes.get(name) : super.getAttribute(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            attributes.put(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            attributes.put(name, null);
        }
    }
}

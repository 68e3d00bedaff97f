package ru.otklik.posts.web;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import ru.otklik.people.CurrentUser;
import ru.otklik.posts.Actor;
import ru.otklik.posts.PostManagement;

/**
 * Gives a handler's {@link Actor} parameter the logged-in person with the departments they curate and head, so
 * that no handler asks for it by hand. A request without a logged-in person has no actor ({@code null}); security
 * lets no such request reach a page that takes one.
 */
final class ActorResolver implements HandlerMethodArgumentResolver {

    private final PostManagement management;

    ActorResolver(PostManagement management) {
        this.management = management;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class;
    }

    @Override
    public Actor resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser user)) {
            return null;
        }
        return management.actor(user.id(), user.roles());
    }
}

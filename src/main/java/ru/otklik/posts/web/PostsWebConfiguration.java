package ru.otklik.posts.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import ru.otklik.posts.PostManagement;

/**
 * What Spring MVC binds for the posts' pages (and every other page that acts for a person): the {@link
 * ru.otklik.posts.Actor} and a {@link ru.otklik.posts.Routing}.
 */
@Configuration(proxyBeanMethods = false)
class PostsWebConfiguration implements WebMvcConfigurer {

    private final PostManagement management;

    PostsWebConfiguration(PostManagement management) {
        this.management = management;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ActorResolver(management));
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatter(new RoutingFormatter());
    }
}

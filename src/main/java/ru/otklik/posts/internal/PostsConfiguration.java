package ru.otklik.posts.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.otklik.posts.screening.Lexicon;
import ru.otklik.posts.screening.Screening;

/**
 * The п.18 screening with the lexicon shipped in {@code screening/lexicon-ru.txt}.
 */
@Configuration(proxyBeanMethods = false)
class PostsConfiguration {

    @Bean
    Screening screening() {
        return new Screening(Lexicon.russian());
    }
}

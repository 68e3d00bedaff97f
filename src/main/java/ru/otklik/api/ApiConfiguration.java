package ru.otklik.api;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;

/**
 * JSON is read strictly: a key given twice or content after the value is refused rather than guessed at. The JSON
 * API's bodies are the only JSON the application reads, so the application's one mapper (and with it Spring MVC's
 * message converter) is configured here, once.
 */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictJsonReading() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}

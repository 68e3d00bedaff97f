package ru.otklik.intake.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The title and introduction of the OpenAPI description, written for the developers of ЦУР's system.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    static final String TITLE = "Отклик — API для ЦУР";
    static final String VERSION = "1";

    @Bean
    OpenAPI otklikOpenApi() {
        return new OpenAPI().info(new Info().title(TITLE).version(VERSION).description("""
                Через этот API система ЦУР передаёт министерству сообщения граждан из социальных сетей, узнаёт их \
                состояние и сроки и сообщает своё решение по проекту ответа.

                Каждый запрос несёт ключ доступа ЦУР в заголовке `Authorization: Bearer <ключ>`; ключ выдаёт \
                администратор Отклика. Тела запросов и ответов — JSON в UTF-8. Ошибки возвращаются как \
                `application/problem+json` с понятным текстом на русском; при неверных полях — список \
                `errors` с полем и причиной.

                Повторная передача того же сообщения (тот же `externalId` и то же содержание) безопасна: ответ 200 \
                с уже зарегистрированным сообщением. Время — в формате ISO 8601 с часовым поясом; сроки \
                министерства считаются по времени Новокузнецка (UTC+7)."""));
    }
}

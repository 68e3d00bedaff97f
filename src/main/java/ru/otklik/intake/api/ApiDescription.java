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
                министерства считаются по времени Новокузнецка (UTC+7). Каждое сообщение получает регистрационный \
                номер министерства (`registrationNumber`, например `СОЦ-2026/0123`: номер по порядку в году \
                регистрации, без пропусков и повторов); он есть в каждом ответе о сообщении и в уведомлениях.

                `GET /api/v1/messages/{id}` показывает всё, что нужно ЦУР: пока сообщение в статусе `AT_CUR` —                 проект ответа (`draft`: текст, промежуточный или окончательный, `id` и `version`), причину возврата                 в ЦУР или отказа по п.18 (`reason`) и все размещённые ответы (`answers`). Решение по проекту                 передаётся в `POST /api/v1/messages/{id}/cur-decision`; с `draftId` и `version` прочитанного                 проекта решение применяется, только если в ЦУР всё ещё именно он (иначе 409).

                Чтобы узнавать об изменениях, опрашивайте `GET /api/v1/messages?status=AT_CUR&changedSince=…` и                 передавайте в следующий запрос `cursor` из ответа: так ни одно изменение не пропускается и не                 повторяется. Если администратор задал адрес ЦУР для уведомлений, Отклик сам отправляет на него                 `POST` с JSON о каждом изменении, по которому ЦУР должен действовать (`SENT_TO_CUR`,                 `RETURNED_TO_CUR`, `REFUSED`, `ANSWER_POSTED`), с заголовками `X-Otklik-Event-Id` (один и тот же                 при повторах), `X-Otklik-Timestamp` и `X-Otklik-Signature: sha256=<hex HMAC-SHA256 тела с общим                 секретом>`. Ответ 2xx — доставлено; иначе уведомление повторяется с растущей паузой."""));
    }
}

/**
 * Intake (приём сообщений от ЦУР): the API tokens of ЦУР's system, the intake API and bulk import, and ЦУР's webhook.
 *
 * <p>Writes {@code api_token}, {@code cur_message}, {@code import_upload}, {@code import_row} and {@code cur_webhook_outbox} (the notices to ЦУР's callback URL,
 * queued by listening to the posts module's events in the transaction of the change).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake")
package ru.otklik.intake;

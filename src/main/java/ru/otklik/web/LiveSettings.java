package ru.otklik.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live pages, {@code otklik.live.*}: the stream of events every open page holds ({@code GET /live}).
 *
 * @param heartbeat how often an idle stream gets a comment line, so that proxies and load balancers keep it open
 * @param timeout a stream ends after this long, and the page opens a new one at once (catching up on what it missed):
 *        no stream outlives a change of the person's substitutions, or the end of their session, for long
 * @param refresh how often at most pages are told that work or clocks changed: changes within this window are
 *        announced once, and each person's menu counts are counted once
 * @param reconnect how long the instance waits before listening to PostgreSQL again after losing its connection
 */
@ConfigurationProperties("otklik.live")
public record LiveSettings(
        @DefaultValue("25s") Duration heartbeat,
        @DefaultValue("10m") Duration timeout,
        @DefaultValue("1s") Duration refresh,
        @DefaultValue("5s") Duration reconnect) {}

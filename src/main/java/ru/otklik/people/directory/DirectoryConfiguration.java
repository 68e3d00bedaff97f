package ru.otklik.people.directory;

import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.security.ldap.authentication.AbstractLdapAuthenticationProvider;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.security.ldap.authentication.LdapAuthenticationProvider;
import org.springframework.security.ldap.authentication.ad.ActiveDirectoryLdapAuthenticationProvider;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;
import org.springframework.security.ldap.userdetails.DefaultLdapAuthoritiesPopulator;
import ru.otklik.people.internal.DirectoryAccounts;

/**
 * Builds the directory login from {@code otklik.ldap.*} when it is enabled: Spring Security's
 * {@link ActiveDirectoryLdapAuthenticationProvider} for a domain, or its {@link LdapAuthenticationProvider} with a
 * bind as the person, a user search and a group search for any other LDAP directory.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DirectorySettings.class)
class DirectoryConfiguration {

    static final String DEFAULT_USER_SEARCH_FILTER = "(uid={0})";

    @Bean
    @ConditionalOnBooleanProperty("otklik.ldap.enabled")
    DirectoryLogin directoryLogin(DirectorySettings settings, DirectoryAccounts accounts) {
        if (settings.url() == null || settings.url().isBlank()) {
            throw new IllegalStateException("Вход через каталог включён (otklik.ldap.enabled=true), но не задан адрес "
                    + "каталога otklik.ldap.url, например ldap://dc1.ministry.local:389");
        }
        if (settings.groupRoles().isEmpty()) {
            throw new IllegalStateException("Вход через каталог включён, но не задано ни одной группы с ролью "
                    + "(otklik.ldap.group-roles[Имя группы]=EXECUTOR): войти из каталога не смог бы никто");
        }
        return new DirectoryLogin(
                settings.activeDirectory() ? activeDirectory(settings) : ldap(settings), settings, accounts);
    }

    private static AbstractLdapAuthenticationProvider activeDirectory(DirectorySettings settings) {
        String rootDn = settings.base() == null || settings.base().isBlank() ? null : settings.base();
        ActiveDirectoryLdapAuthenticationProvider provider = new ActiveDirectoryLdapAuthenticationProvider(
                settings.activeDirectoryDomain().strip(), settings.url().strip(), rootDn);
        provider.setConvertSubErrorCodesToExceptions(true);
        provider.setContextEnvironmentProperties(timeouts(settings));
        if (settings.userSearchFilter() != null && !settings.userSearchFilter().isBlank()) {
            provider.setSearchFilter(settings.userSearchFilter());
        }
        provider.setUserDetailsContextMapper(new DirectoryPerson.Mapper());
        return provider;
    }

    private static AbstractLdapAuthenticationProvider ldap(DirectorySettings settings) {
        DefaultSpringSecurityContextSource directory =
                new DefaultSpringSecurityContextSource(settings.url().strip());
        if (settings.base() != null && !settings.base().isBlank()) {
            directory.setBase(settings.base().strip());
        }
        if (settings.managerDn() != null && !settings.managerDn().isBlank()) {
            directory.setUserDn(settings.managerDn());
            directory.setPassword(settings.managerPassword() == null ? "" : settings.managerPassword());
        }
        directory.setBaseEnvironmentProperties(timeouts(settings));
        directory.afterPropertiesSet();

        String filter = settings.userSearchFilter() == null
                        || settings.userSearchFilter().isBlank()
                ? DEFAULT_USER_SEARCH_FILTER
                : settings.userSearchFilter();
        BindAuthenticator bind = new BindAuthenticator(directory);
        bind.setUserSearch(new FilterBasedLdapUserSearch(settings.userSearchBase(), filter, directory));

        DefaultLdapAuthoritiesPopulator groups =
                new DefaultLdapAuthoritiesPopulator(directory, settings.groupSearchBase());
        groups.setGroupSearchFilter(settings.groupSearchFilter());
        groups.setGroupRoleAttribute("cn");
        // The group's own name, to be mapped by otklik.ldap.group-roles, not ROLE_<NAME>
        groups.setRolePrefix("");
        groups.setConvertToUpperCase(false);
        groups.setSearchSubtree(true);
        groups.setIgnorePartialResultException(true);

        LdapAuthenticationProvider provider = new LdapAuthenticationProvider(bind, groups);
        provider.setUserDetailsContextMapper(new DirectoryPerson.Mapper());
        return provider;
    }

    /** A directory that does not answer refuses the login in seconds instead of holding the request. */
    private static Map<String, Object> timeouts(DirectorySettings settings) {
        String millis = Long.toString(settings.timeout().toMillis());
        return Map.of("com.sun.jndi.ldap.connect.timeout", millis, "com.sun.jndi.ldap.read.timeout", millis);
    }
}

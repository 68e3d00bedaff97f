package ru.otklik.people;

import org.hibernate.Interceptor;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.type.Type;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Tells {@link PeopleCache} when a transaction on this instance writes a person, a department, a subject or an
 * absence (every such write goes through JPA), so that the next page on this instance sees the change without
 * waiting for the notification.
 */
@Configuration(proxyBeanMethods = false)
class PeopleChanges {

    private static final String ENTITIES = "ru.otklik.people.internal";

    @Bean
    HibernatePropertiesCustomizer peopleChangesInterceptor(@Lazy PeopleCache cache) {
        Interceptor interceptor = new Interceptor() {
            @Override
            public boolean onPersist(Object entity, Object id, Object[] state, String[] names, Type[] types) {
                changed(entity);
                return false;
            }

            @Override
            public boolean onFlushDirty(
                    Object entity, Object id, Object[] state, Object[] previous, String[] names, Type[] types) {
                changed(entity);
                return false;
            }

            @Override
            public void onRemove(Object entity, Object id, Object[] state, String[] names, Type[] types) {
                changed(entity);
            }

            @Override
            public void onCollectionRecreate(Object collection, Object key) {
                changedCollection(collection);
            }

            @Override
            public void onCollectionRemove(Object collection, Object key) {
                changedCollection(collection);
            }

            @Override
            public void onCollectionUpdate(Object collection, Object key) {
                changedCollection(collection);
            }

            private void changedCollection(Object collection) {
                if (collection instanceof PersistentCollection<?> persistent) {
                    changed(persistent.getOwner());
                }
            }

            private void changed(Object entity) {
                if (entity != null && entity.getClass().getPackageName().startsWith(ENTITIES)) {
                    cache.changing();
                }
            }
        };
        return properties -> properties.put(AvailableSettings.INTERCEPTOR, interceptor);
    }
}

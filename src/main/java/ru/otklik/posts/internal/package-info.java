/**
 * Inside the posts module: the post aggregate (сообщение) with its assignments, drafts and timeline, the JPA
 * repositories and the SQL of the work lists. Other modules read posts through {@link ru.otklik.posts.PostLookup} and
 * change them through {@link ru.otklik.posts.PostManagement}; they never see these types.
 */
package ru.otklik.posts.internal;

/**
 * The posts module's pages: registration, the inbox and the other work lists, the post page with its actions,
 * approvals, answer templates, and ЦУР's decision endpoint.
 */
package ru.otklik.posts.web;

/**
 * Reports (отчётность, п.21): the monthly count of posts and answers, compliance with every deadline rule (п.19),
 * drill-down to the posts behind each number, XLSX and CSV exports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports")
package ru.otklik.reports;

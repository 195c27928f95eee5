package io.passerelle.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled  seed demo data at the first start on an empty database (demo profile only)
 * @param password the password of every demo account (listed in the README; demo only)
 */
@ConfigurationProperties("passerelle.demo")
public record DemoSettings(@DefaultValue("false") boolean enabled, @DefaultValue("passerelle-demo") String password) {}

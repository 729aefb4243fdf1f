package nl.expertpool.runtime;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({EmbeddedProperties.class, StartupRetry.class})
class RuntimeConfiguration {}

package nl.expertpool.engine.embedded;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.expertpool.engine.EngineRecoveryReport;
import nl.expertpool.engine.ProcessEngine;
import nl.expertpool.runtime.DataFolderLock;
import nl.expertpool.runtime.EmbeddedEnvironmentPostProcessor;
import nl.expertpool.runtime.EmbeddedProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The embedded default: the engine, its log kept in the data folder, started before the Camunda
 * client connects.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!camunda")
class EmbeddedEngineConfiguration {

  /** Only the app's own client, with this start's random credential, may call the engine. */
  @Bean(destroyMethod = "close")
  EmbeddedZeebe embeddedZeebe(
      EmbeddedProperties properties,
      @Value("${" + EmbeddedEnvironmentPostProcessor.ENGINE_PASSWORD + "}") String password) {
    if (properties.keepsData()) {
      DataFolderLock.hold(properties.dataDir()); // one app on the engine's log
    }
    String credential = EmbeddedEnvironmentPostProcessor.ENGINE_USER + ":" + password;
    var zeebe =
        new EmbeddedZeebe(
            properties.enginePort(),
            "Basic "
                + Base64.getEncoder().encodeToString(credential.getBytes(StandardCharsets.UTF_8)),
            properties.engineDir());
    if (properties.keepsData()) {
      zeebe.whenClosed(() -> DataFolderLock.release(properties.dataDir()));
    }
    return zeebe;
  }

  @Bean
  EngineRecoveryReport engineRecovery(EmbeddedZeebe zeebe) {
    return new EngineRecoveryReport() {
      @Override
      public boolean replayed() {
        return zeebe.processing();
      }

      @Override
      public Map<String, Object> details() {
        var recovery = zeebe.recovery();
        var details = new LinkedHashMap<String, Object>();
        details.put("logOnDisk", recovery.durable());
        details.put("recoveredPosition", recovery.position());
        details.put("recoveredBlocks", recovery.blocks());
        details.put("snapshotPosition", recovery.snapshotPosition());
        details.put("replayMillis", recovery.replay().toMillis());
        details.put("replayFinished", zeebe.processing());
        if (recovery.cutOff() > 0) {
          details.put("tornTailBytesCutOff", recovery.cutOff());
        }
        return details;
      }
    };
  }

  @Bean
  ProcessEngine processEngine(
      EmbeddedZeebe zeebe, ObjectMapper json, EmbeddedProperties properties) {
    return new EmbeddedProcessEngine(zeebe, json, properties.snapshotPeriod());
  }

  @Bean
  Clock clock(EmbeddedZeebe zeebe) {
    return zeebe.clock();
  }

  @Bean
  static ClientAfterEngine clientAfterEngine() {
    return new ClientAfterEngine();
  }

  /** The client and its job workers must find the engine listening, and close before it stops. */
  static class ClientAfterEngine extends AbstractDependsOnBeanFactoryPostProcessor {
    ClientAfterEngine() {
      super(CamundaClient.class, EmbeddedZeebe.class);
    }
  }
}

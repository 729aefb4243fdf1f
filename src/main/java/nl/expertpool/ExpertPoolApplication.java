package nl.expertpool;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@org.springframework.scheduling.annotation.EnableScheduling
public class ExpertPoolApplication {

  public static void main(String[] args) {
    SpringApplication.run(ExpertPoolApplication.class, args);
  }
}

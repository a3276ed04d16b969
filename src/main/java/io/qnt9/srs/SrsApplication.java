package io.qnt9.srs;

import io.qnt9.srs.system.SpringAotStartup;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SrsApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("import")) {
            // Command-line import: same application, no web server, exit code from the import.
            SpringApplication app = new SpringApplication(SrsApplication.class);
            app.setWebApplicationType(WebApplicationType.NONE);
            String[] withCommand = Arrays.copyOf(args, args.length + 1);
            withCommand[args.length] = "--qnt9.cli.command=import";
            System.exit(SpringApplication.exit(app.run(withCommand)));
        }
        SpringApplication app = new SpringApplication(SrsApplication.class);
        app.addListeners(new SpringAotStartup(SrsApplication.class));
        app.run(args);
    }
}

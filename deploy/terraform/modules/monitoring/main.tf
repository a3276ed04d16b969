# Log Analytics (Container Insights, Defender), workspace-based Application Insights, an action group
# (e-mail + chat webhook), and Azure Monitor alerts that mirror monitoring/prometheus/alerts.yml.
resource "azurerm_log_analytics_workspace" "this" {
  name                = "${var.name_prefix}-logs"
  location            = var.location
  resource_group_name = var.resource_group_name
  sku                 = "PerGB2018"
  retention_in_days   = var.log_retention_days
  daily_quota_gb      = var.daily_quota_gb
  tags                = var.tags
}

resource "azurerm_application_insights" "this" {
  name                = "${var.name_prefix}-appi"
  location            = var.location
  resource_group_name = var.resource_group_name
  workspace_id        = azurerm_log_analytics_workspace.this.id
  application_type    = "java"
  sampling_percentage = var.sampling_percentage
  tags                = var.tags
}

resource "azurerm_monitor_action_group" "oncall" {
  name                = "${var.name_prefix}-oncall"
  resource_group_name = var.resource_group_name
  short_name          = "qnt9oncall"
  tags                = var.tags

  email_receiver {
    name                    = "oncall"
    email_address           = var.alert_email
    use_common_alert_schema = true
  }

  dynamic "webhook_receiver" {
    for_each = var.alert_webhook_url == "" ? [] : [var.alert_webhook_url]
    content {
      name                    = "chat"
      service_uri             = webhook_receiver.value
      use_common_alert_schema = true
    }
  }
}

# Availability: a standard web test on /health from several regions; alert below the 99.5 % SLO.
resource "azurerm_application_insights_standard_web_test" "health" {
  name                    = "${var.name_prefix}-health"
  location                = var.location
  resource_group_name     = var.resource_group_name
  application_insights_id = azurerm_application_insights.this.id
  geo_locations           = ["emea-nl-ams-azr", "emea-gb-db3-azr", "us-va-ash-azr"]
  frequency               = 300
  timeout                 = 30
  enabled                 = true
  retry_enabled           = true
  tags                    = var.tags

  request {
    url = "${var.public_base_url}/health"
  }

  validation_rules {
    expected_status_code        = 200
    ssl_check_enabled           = true
    ssl_cert_remaining_lifetime = 14
  }
}

resource "azurerm_monitor_metric_alert" "availability" {
  name                = "${var.name_prefix}-availability"
  resource_group_name = var.resource_group_name
  scopes              = [azurerm_application_insights.this.id]
  description         = "Availability of /health below 99.5 % (docs/RUNBOOK.md#qnt9availabilitybelowslo)."
  severity            = 1
  frequency           = "PT5M"
  window_size         = "PT1H"
  tags                = var.tags

  criteria {
    metric_namespace = "microsoft.insights/components"
    metric_name      = "availabilityResults/availabilityPercentage"
    aggregation      = "Average"
    operator         = "LessThan"
    threshold        = 99.5
  }

  action {
    action_group_id = azurerm_monitor_action_group.oncall.id
  }
}

resource "azurerm_monitor_metric_alert" "postgres_cpu" {
  name                = "${var.name_prefix}-postgres-cpu"
  resource_group_name = var.resource_group_name
  scopes              = [var.postgres_server_id]
  description         = "PostgreSQL CPU above 80 % for 15 minutes."
  severity            = 2
  frequency           = "PT5M"
  window_size         = "PT15M"
  tags                = var.tags

  criteria {
    metric_namespace = "Microsoft.DBforPostgreSQL/flexibleServers"
    metric_name      = "cpu_percent"
    aggregation      = "Average"
    operator         = "GreaterThan"
    threshold        = 80
  }

  action {
    action_group_id = azurerm_monitor_action_group.oncall.id
  }
}

resource "azurerm_monitor_metric_alert" "postgres_storage" {
  name                = "${var.name_prefix}-postgres-storage"
  resource_group_name = var.resource_group_name
  scopes              = [var.postgres_server_id]
  description         = "PostgreSQL storage above 85 %."
  severity            = 2
  frequency           = "PT15M"
  window_size         = "PT30M"
  tags                = var.tags

  criteria {
    metric_namespace = "Microsoft.DBforPostgreSQL/flexibleServers"
    metric_name      = "storage_percent"
    aggregation      = "Maximum"
    operator         = "GreaterThan"
    threshold        = 85
  }

  action {
    action_group_id = azurerm_monitor_action_group.oncall.id
  }
}

resource "azurerm_monitor_metric_alert" "aks_node_cpu" {
  name                = "${var.name_prefix}-aks-node-cpu"
  resource_group_name = var.resource_group_name
  scopes              = [var.aks_cluster_id]
  description         = "AKS node CPU above 80 % for 15 minutes: scale the node pool."
  severity            = 2
  frequency           = "PT5M"
  window_size         = "PT15M"
  tags                = var.tags

  criteria {
    metric_namespace = "Microsoft.ContainerService/managedClusters"
    metric_name      = "node_cpu_usage_percentage"
    aggregation      = "Average"
    operator         = "GreaterThan"
    threshold        = 80
  }

  action {
    action_group_id = azurerm_monitor_action_group.oncall.id
  }
}

# Pod restarts from Container Insights (KubePodInventory), the Azure twin of Qnt9PodRestarting.
resource "azurerm_monitor_scheduled_query_rules_alert_v2" "pod_restarts" {
  name                 = "${var.name_prefix}-pod-restarts"
  location             = var.location
  resource_group_name  = var.resource_group_name
  scopes               = [azurerm_log_analytics_workspace.this.id]
  description          = "qnt9-srs containers restarted more than 2 times in 15 minutes (docs/RUNBOOK.md#qnt9podrestarting)."
  severity             = 2
  evaluation_frequency = "PT5M"
  window_duration      = "PT15M"
  tags                 = var.tags

  criteria {
    query                   = <<-KQL
      KubePodInventory
      | where ContainerName endswith "/srs" and Namespace startswith "qnt9"
      | summarize Restarts = max(ContainerRestartCount) - min(ContainerRestartCount) by Name
    KQL
    time_aggregation_method = "Maximum"
    metric_measure_column   = "Restarts"
    operator                = "GreaterThan"
    threshold               = 2
    failing_periods {
      minimum_failing_periods_to_trigger_alert = 1
      number_of_evaluation_periods             = 1
    }
  }

  action {
    action_groups = [azurerm_monitor_action_group.oncall.id]
  }
}

# Request failure rate from Application Insights (OpenTelemetry), the twin of Qnt9HighErrorRate.
resource "azurerm_monitor_scheduled_query_rules_alert_v2" "failed_requests" {
  name                 = "${var.name_prefix}-failed-requests"
  location             = var.location
  resource_group_name  = var.resource_group_name
  scopes               = [azurerm_application_insights.this.id]
  description          = "More than 5 % of requests failed in 5 minutes (docs/RUNBOOK.md#qnt9higherrorrate)."
  severity             = 1
  evaluation_frequency = "PT5M"
  window_duration      = "PT5M"
  tags                 = var.tags

  criteria {
    query                   = <<-KQL
      requests
      | summarize FailedPercent = 100.0 * countif(toint(resultCode) >= 500) / count()
    KQL
    time_aggregation_method = "Maximum"
    metric_measure_column   = "FailedPercent"
    operator                = "GreaterThan"
    threshold               = 5
    failing_periods {
      minimum_failing_periods_to_trigger_alert = 1
      number_of_evaluation_periods             = 1
    }
  }

  action {
    action_groups = [azurerm_monitor_action_group.oncall.id]
  }
}

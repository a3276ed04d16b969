# QNT9 dev environment. State: Terraform Cloud workspace qnt9-srs-dev (remote runs, OIDC to Azure via
# dynamic provider credentials: TFC_AZURE_PROVIDER_AUTH / TFC_AZURE_RUN_CLIENT_ID workspace variables).
terraform {
  required_version = ">= 1.9"

  cloud {
    organization = "qnt9"

    workspaces {
      name = "qnt9-srs-dev"
    }
  }

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.20"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }
}

provider "azurerm" {
  features {
    key_vault {
      purge_soft_delete_on_destroy = false
    }
  }
  subscription_id = var.subscription_id
  tenant_id       = var.tenant_id
  use_oidc        = true
}

module "stack" {
  source                         = "../../modules/stack"
  environment                    = "dev"
  location                       = var.location
  tenant_id                      = var.tenant_id
  address_space                  = var.address_space
  acr_sku                        = var.acr_sku
  kubernetes_version             = var.kubernetes_version
  aks_sku_tier                   = var.aks_sku_tier
  aks_node_vm_size               = var.aks_node_vm_size
  aks_node_min_count             = var.aks_node_min_count
  aks_node_max_count             = var.aks_node_max_count
  admin_group_object_ids         = var.admin_group_object_ids
  kubernetes_namespace           = var.kubernetes_namespace
  key_vault_allowed_ip_ranges    = var.key_vault_allowed_ip_ranges
  postgres_admin_group_object_id = var.postgres_admin_group_object_id
  postgres_admin_group_name      = var.postgres_admin_group_name
  postgres_sku                   = var.postgres_sku
  postgres_storage_mb            = var.postgres_storage_mb
  postgres_backup_retention_days = var.postgres_backup_retention_days
  postgres_geo_redundant_backup  = var.postgres_geo_redundant_backup
  postgres_high_availability     = var.postgres_high_availability
  redis_sku_name                 = var.redis_sku_name
  redis_capacity                 = var.redis_capacity
  log_retention_days             = var.log_retention_days
  log_daily_quota_gb             = var.log_daily_quota_gb
  alert_email                    = var.alert_email
  alert_webhook_url              = var.alert_webhook_url
  public_base_url                = var.public_base_url
  github_repository              = var.github_repository
  github_environments            = var.github_environments
}

# Key Vault with Azure RBAC (no access policies), purge protection, and the service's workload identity:
# a user-assigned managed identity federated with the AKS service account, allowed to read secrets.
data "azurerm_client_config" "current" {}

resource "azurerm_key_vault" "this" {
  name                          = "${var.name_prefix}-kv"
  location                      = var.location
  resource_group_name           = var.resource_group_name
  tenant_id                     = var.tenant_id
  sku_name                      = "standard"
  enable_rbac_authorization     = true
  purge_protection_enabled      = var.purge_protection
  soft_delete_retention_days    = 30
  public_network_access_enabled = true
  tags                          = var.tags

  network_acls {
    default_action             = "Deny"
    bypass                     = "AzureServices"
    virtual_network_subnet_ids = var.allowed_subnet_ids
    ip_rules                   = var.allowed_ip_ranges
  }
}

# Terraform itself writes generated secrets (database credentials, JWT key).
resource "azurerm_role_assignment" "deployer_secrets_officer" {
  scope                = azurerm_key_vault.this.id
  role_definition_name = "Key Vault Secrets Officer"
  principal_id         = data.azurerm_client_config.current.object_id
}

resource "azurerm_user_assigned_identity" "workload" {
  name                = "${var.name_prefix}-srs-workload"
  location            = var.location
  resource_group_name = var.resource_group_name
  tags                = var.tags
}

# Tokens of system:serviceaccount:<namespace>:<service account> from the AKS OIDC issuer are exchanged
# for Entra tokens of the identity above (Helm: serviceAccount.workloadIdentityClientId).
resource "azurerm_federated_identity_credential" "workload" {
  name                = "${var.name_prefix}-srs-service-account"
  resource_group_name = var.resource_group_name
  parent_id           = azurerm_user_assigned_identity.workload.id
  audience            = ["api://AzureADTokenExchange"]
  issuer              = var.oidc_issuer_url
  subject             = "system:serviceaccount:${var.kubernetes_namespace}:${var.kubernetes_service_account}"
}

resource "azurerm_role_assignment" "workload_secrets_user" {
  scope                = azurerm_key_vault.this.id
  role_definition_name = "Key Vault Secrets User"
  principal_id         = azurerm_user_assigned_identity.workload.principal_id
}

resource "random_password" "jwt" {
  length  = 64
  special = false
}

resource "azurerm_key_vault_secret" "jwt" {
  name         = "jwt-secret"
  key_vault_id = azurerm_key_vault.this.id
  value        = random_password.jwt.result
  content_type = "text/plain"

  depends_on = [azurerm_role_assignment.deployer_secrets_officer]
}

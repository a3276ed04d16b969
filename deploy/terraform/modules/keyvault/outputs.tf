output "id" {
  description = "Vault resource ID; depends on Terraform's own Secrets Officer role, so secrets can be written."
  value       = azurerm_key_vault.this.id
  depends_on  = [azurerm_role_assignment.deployer_secrets_officer]
}

output "vault_uri" {
  description = "Vault URI (Helm: externalSecrets.keyVaultUrl)."
  value       = azurerm_key_vault.this.vault_uri
}

output "workload_identity_client_id" {
  description = "Client ID of the workload identity (Helm: serviceAccount.workloadIdentityClientId)."
  value       = azurerm_user_assigned_identity.workload.client_id
}

output "workload_identity_principal_id" {
  description = "Principal ID of the workload identity (database Entra role, extra role assignments)."
  value       = azurerm_user_assigned_identity.workload.principal_id
}

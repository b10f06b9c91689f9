import {
  BooleanField,
  BooleanInput,
  Create,
  Datagrid,
  DateField,
  Edit,
  List,
  PasswordInput,
  SearchInput,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  email,
  minLength,
  required,
} from 'react-admin';

const roles = [
  { id: 'SUPPORT', name: 'Support' },
  { id: 'FINANCE', name: 'Finance' },
  { id: 'ADMIN', name: 'Admin' },
];

export function StaffList() {
  return (
    <List
      title="Staff users"
      sort={{ field: 'email', order: 'ASC' }}
      filters={[<SearchInput key="q" source="q" alwaysOn placeholder="Email or name" />]}
    >
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <TextField source="email" sortable={false} />
        <TextField source="name" emptyText="—" sortable={false} />
        <TextField source="role" sortable={false} />
        <BooleanField source="disabled" sortable={false} />
        <DateField source="lastSignInAt" showTime emptyText="never" sortable={false} />
      </Datagrid>
    </List>
  );
}

export function StaffCreate() {
  return (
    <Create title="New staff user" redirect="list">
      <SimpleForm>
        <TextInput source="email" type="email" validate={[required(), email()]} />
        <TextInput source="name" />
        <SelectInput source="role" choices={roles} validate={required()} />
        <PasswordInput
          source="password"
          validate={[required(), minLength(12)]}
          helperText="12 characters or more"
          autoComplete="new-password"
        />
      </SimpleForm>
    </Create>
  );
}

export function StaffEdit() {
  return (
    <Edit title="Staff user" mutationMode="pessimistic">
      <SimpleForm>
        <TextInput source="email" disabled />
        <TextInput source="name" />
        <SelectInput source="role" choices={roles} validate={required()} />
        <BooleanInput source="disabled" helperText="Disabling ends the user's sessions at once" />
        <PasswordInput
          source="password"
          label="New password"
          validate={minLength(12)}
          helperText="Leave empty to keep the current one"
          autoComplete="new-password"
        />
      </SimpleForm>
    </Edit>
  );
}

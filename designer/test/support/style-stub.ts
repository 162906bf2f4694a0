// Stands in for every imported stylesheet under Jest (see moduleNameMapper in jest.config.js).
export default {};
